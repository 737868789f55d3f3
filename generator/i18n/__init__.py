"""Everything language-dependent: the message catalogue (`messages`), every fixed text the
documents and pages print (`labels`), and numbers, money and dates (`numbers`)."""
