"""The classroom server behind ``lunarquiz serve``: its limits on games, and the server that keeps them."""
