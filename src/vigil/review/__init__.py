"""Review: queues of uncertain links and extracted mentions, merges, splits and grades."""
