/* The print button of the printable pages (no inline script: the CSP forbids it). */
(function () {
  "use strict";
  var button = document.getElementById("print");
  if (button) { button.addEventListener("click", function () { window.print(); }); }
})();
