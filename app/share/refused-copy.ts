// The words a share link that does not work is answered with: an unknown or mistyped link, one
// the team switched off, or a set being revised. Neither page can say which without telling a
// stranger more than they need, so both name the reasons politely, and nothing else.
export const refusedShareTitle = "This link does not work";
export const refusedShareBody =
  "The link may be incomplete, the team that shared it may have switched it off, or the persona " +
  "set may be being revised. Check that you copied all of it, or ask the person who sent it for " +
  "a new one.";
