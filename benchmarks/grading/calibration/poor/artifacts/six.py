# placeholder for a committed site-packages module
