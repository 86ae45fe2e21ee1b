/* Embed the assistant on another site: <script src=".../static/embed.js" data-lang="nl" defer>.
   It adds an iframe to the chat page right where the script tag stands (the host site must be
   allowed in FRAME_ANCESTORS). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var origin = new URL(script.src).origin;
  var lang = script.dataset.lang === "fr" ? "fr" : "nl";
  var frame = document.createElement("iframe");
  frame.src = origin + "/?lang=" + lang;
  frame.title = lang === "fr" ? "Assistant PIIS" : "GPMI-assistent";
  frame.style.cssText = "width:100%;max-width:40rem;height:40rem;border:0";
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
