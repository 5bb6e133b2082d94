"""Songs: a reference track and lyrics in, a finished song out (the job kernel and `/song`)."""
