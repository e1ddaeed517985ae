"""The screens of the game: home, question, feedback, results and the abandon dialog."""
