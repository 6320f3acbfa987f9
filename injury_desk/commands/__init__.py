"""Sub-commands of the injury-desk command line, one module each."""
