"""Small widgets and helpers every part of the window uses: banner, dialogs, tables, colours from the theme."""
