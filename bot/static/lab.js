/* Wording lab: live readability of a proposal, and "try it" in the chat of this browser only. */
(function () {
  "use strict";
  var STRINGS = JSON.parse(document.getElementById("lab-strings").textContent);
  var PREVIEW = "gpmi-lab-preview";

  function score(textarea) {
    var out = document.getElementById(textarea.getAttribute("aria-describedby"));
    var text = textarea.value.trim();
    if (!text) { out.textContent = ""; return; }
    fetch("/lab/score", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: text, language: textarea.dataset.language })
    }).then(function (r) { return r.json(); }).then(function (s) {
      out.textContent = STRINGS.ease + " " + s.reading_ease + " · " + STRINGS.words_per_sentence + " " +
        s.words_per_sentence + " · " + (s.b1 ? STRINGS.b1_ok : STRINGS.b1_low);
      out.className = "live-score " + (s.b1 ? "ok" : "low");
    }).catch(function () { out.textContent = ""; });
  }

  document.querySelectorAll(".proposal-input").forEach(function (textarea) {
    var timer = null;
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { score(textarea); }, 300);
    });
  });

  document.querySelectorAll("button.try").forEach(function (button) {
    button.addEventListener("click", function () {
      var form = button.closest("form");
      var text = form.querySelector(".proposal-input").value.trim();
      if (!text) { return; }
      var preview = JSON.parse(localStorage.getItem(PREVIEW) || "{}");
      preview[button.dataset.language] = preview[button.dataset.language] || {};
      preview[button.dataset.language][button.dataset.key] = text;
      localStorage.setItem(PREVIEW, JSON.stringify(preview));
      button.textContent = STRINGS.tried;
      window.open("/?lang=" + button.dataset.language, "_blank", "noopener");
    });
  });
})();
