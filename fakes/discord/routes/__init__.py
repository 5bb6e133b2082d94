"""REST routes under ``/api/v10``."""
