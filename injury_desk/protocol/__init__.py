"""The sync protocol both sides share: the message shapes (messages.py) and the schema version (version.py).

Below store in the layers: the desktop's change capture stamps the schema version, the central service and
the desktop's sync engine speak the messages, and neither side's code is needed to read them.
"""
