"""Workflows of the scan that span models: saving answers, submitting, history, invitations."""
