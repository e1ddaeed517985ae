"""lunarquiz tests."""
