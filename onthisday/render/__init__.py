"""One renderer per output form; each is given entries and a stream or console, and never queries."""
