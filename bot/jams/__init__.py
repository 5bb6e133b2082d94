"""Song jams: a theme, a deadline, entries, votes and results."""
