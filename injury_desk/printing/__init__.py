"""Renders the form definitions in forms/ to PDF with ReportLab."""
