"""The Qt face of verzuimdesk: shows and collects, and calls services/ for every change."""
