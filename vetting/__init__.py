"""vetting: a Leahy-law vetting rules engine."""
__version__ = "0.1.0"
