"""Local fakes of the external services songjam talks to."""
