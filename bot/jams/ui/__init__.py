"""The Discord layer of jams: `/jam`, the vote and submit buttons, and the closing loop."""
