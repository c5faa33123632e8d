"""The taint analysis behind SC201-SC210: sources, flows, sanitizers, engine and one visitor."""
