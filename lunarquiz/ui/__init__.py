"""The Textual interface: it shows the core's state and sends the player's choices to it."""
