"""The researchers workspace (login): entry, review queue, publication, history and revert."""
