"""Statistics from the case database: figures with their method, and versioned snapshots."""
