"""`python -m onthisday`."""

from .main import run

run()
