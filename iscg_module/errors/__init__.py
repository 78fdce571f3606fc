"""The product's own error pages."""
