"""Desktop side of sync: shared protocol shapes and (later) push, pull and transports."""
