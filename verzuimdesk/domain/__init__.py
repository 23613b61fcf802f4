"""The law and the school's policy as pure functions over plain values: no Qt, no SQL."""
