"""The application: launcher, main window and its menus, project, workspace, start-up and self-test."""
