// Parallax: the one script of the UI. On an article opened from a citation,
// it brings the cited words to the middle of the screen and gives them the
// keyboard focus; everything else works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var mark = document.getElementById("hl");
  if (!mark) {
    return;
  }
  mark.scrollIntoView({ block: "center" });
  mark.focus({ preventScroll: true });
});
