"""The law as data: rule files, readings and citations compiled for durable_rules."""
