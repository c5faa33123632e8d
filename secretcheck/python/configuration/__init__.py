"""Security-configuration checks (SC220-SC231): patterns in a statement or module."""
