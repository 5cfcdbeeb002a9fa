"""The ``vigil`` command line: thin wrappers over the core and the actions layer."""
