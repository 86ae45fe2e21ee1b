/* Chat widget: plain JavaScript, no dependencies. Bot text is always inserted as text. */
(function () {
  "use strict";
  var STRINGS = JSON.parse(document.getElementById("ui-strings").textContent);
  var root = document.querySelector(".chat");
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var typing = document.getElementById("typing");
  var state = {
    session: sessionStorage.getItem("gpmi-session"),
    language: sessionStorage.getItem("gpmi-language") || root.dataset.language,
    chosen: sessionStorage.getItem("gpmi-language-chosen") === "1",
    busy: false
  };

  function t(key) { return (STRINGS[state.language] || {})[key] || key; }

  function applyLanguage(lang) {
    state.language = lang;
    sessionStorage.setItem("gpmi-language", lang);
    document.documentElement.lang = lang;
    document.title = t("title");
    document.getElementById("chat-title").textContent = t("title");
    document.getElementById("disclaimer").textContent = t("disclaimer");
    document.getElementById("restart").textContent = t("restart");
    document.getElementById("delete").textContent = t("delete");
    document.getElementById("send").textContent = t("send");
    document.getElementById("message-label").textContent = t("input_label");
    input.placeholder = t("placeholder");
    typing.textContent = t("typing");
    document.querySelectorAll(".lang").forEach(function (b) {
      b.setAttribute("aria-pressed", b.dataset.lang === lang ? "true" : "false");
    });
  }

  function sourcePrefixes() {
    return Object.keys(STRINGS).map(function (lang) {
      return (STRINGS[lang].source_line || "").split("{source}")[0];
    }).filter(function (prefix) { return prefix; });
  }

  /* The answer, and its source line shown apart (smaller), both as plain text. */
  function fillText(item, text) {
    var lines = text.split("\n");
    var last = lines[lines.length - 1];
    var isSource = sourcePrefixes().some(function (prefix) { return last.indexOf(prefix) === 0; });
    if (lines.length < 2 || !isSource) { item.textContent = text; return; }
    var body = document.createElement("span");
    body.textContent = lines.slice(0, -1).join("\n");
    var source = document.createElement("small");
    source.className = "source";
    source.textContent = last;
    item.appendChild(body);
    item.appendChild(source);
  }

  function addButtons(item, message) {
    var buttons = message.buttons || [];
    if (!buttons.length) { return; }
    var row = document.createElement("div");
    row.className = "buttons";
    var many = message.select === "many";
    if (many) { row.setAttribute("role", "group"); }
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      if (many) {
        button.setAttribute("aria-pressed", "false");
        button.addEventListener("click", function () { toggle(row, button, message.max); });
      } else {
        button.addEventListener("click", function () { send(b.payload, b.title); });
      }
      row.appendChild(button);
    });
    if (many) {
      var done = document.createElement("button");
      done.type = "button";
      done.className = "done";
      done.textContent = t("multi_done");
      done.addEventListener("click", function () { sendChosen(row); });
      row.appendChild(done);
    }
    item.appendChild(row);
  }

  /* Several answers may be ticked (up to max); "continue" sends them as one message. */
  function toggle(row, button, max) {
    var pressed = button.getAttribute("aria-pressed") === "true";
    var count = row.querySelectorAll('button[aria-pressed="true"]').length;
    if (!pressed && max && count >= max) { return; }
    button.setAttribute("aria-pressed", pressed ? "false" : "true");
  }

  function sendChosen(row) {
    var chosen = Array.prototype.map.call(
      row.querySelectorAll('button[aria-pressed="true"]'),
      function (b) { return b.textContent; }
    );
    if (chosen.length) { send(chosen.join(", ")); } else { send("/prep_skip", t("multi_done")); }
  }

  function addLinks(item, links) {
    if (!links || !links.length) { return; }
    var row = document.createElement("div");
    row.className = "links";
    links.forEach(function (link) {
      var a = document.createElement("a");
      a.href = link.url;
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = link.title;
      row.appendChild(a);
    });
    item.appendChild(row);
  }

  function addMessage(kind, text, message) {
    var item = document.createElement("div");
    item.className = "msg " + kind;
    fillText(item, text);
    if (kind === "bot") { item.setAttribute("lang", state.language); }
    if (message) {
      addButtons(item, message);
      addLinks(item, message.links);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
  }

  /* The wording lab's "try it": a proposal replaces one text, in this browser only. */
  function labProposal(message) {
    var preview;
    try { preview = JSON.parse(localStorage.getItem("gpmi-lab-preview") || "{}"); } catch (e) { return null; }
    var text = message.key && (preview[state.language] || {})[message.key];
    if (!text) { return null; }
    var lines = message.text.split("\n");
    var last = lines[lines.length - 1];
    var hasSource = lines.length > 1 && sourcePrefixes().some(function (p) { return last.indexOf(p) === 0; });
    return hasSource ? text + "\n" + last : text;
  }

  function addPreviewNotice(item) {
    var note = document.createElement("p");
    note.className = "lab-preview";
    note.textContent = t("lab_preview") + " ";
    var stop = document.createElement("button");
    stop.type = "button";
    stop.textContent = t("lab_preview_stop");
    stop.addEventListener("click", function () { localStorage.removeItem("gpmi-lab-preview"); note.remove(); });
    note.appendChild(stop);
    item.appendChild(note);
  }

  function showReply(data) {
    (data.messages || []).forEach(function (m) {
      var proposal = labProposal(m);
      addMessage("bot", proposal || m.text, m);
      if (proposal) { addPreviewNotice(log.lastElementChild); }
    });
  }

  function welcome() {
    fetch("/api/welcome?language=" + encodeURIComponent(state.language))
      .then(function (r) { return r.json(); })
      .then(showReply)
      .catch(function () { addMessage("error", t("error_network")); });
  }

  function send(message, shown) {
    if (state.busy || !message.trim()) { return; }
    state.busy = true;
    addMessage("user", shown || message);
    typing.hidden = false;
    fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session: state.session, message: message, language: state.chosen ? state.language : null })
    }).then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok, status: r.status, data: data }; });
    }).then(function (res) {
      if (res.data.session) {
        state.session = res.data.session;
        sessionStorage.setItem("gpmi-session", state.session);
      }
      if (res.data.language && res.data.language !== state.language) { applyLanguage(res.data.language); }
      if (!res.ok) { addMessage("error", res.data && res.data.error && res.status !== 422 ? res.data.error : t("error_generic")); return; }
      if (message === "/delete_data_confirm") { log.textContent = ""; }
      showReply(res.data);
    }).catch(function () {
      addMessage("error", t("error_network"));
    }).finally(function () {
      state.busy = false;
      typing.hidden = true;
      input.focus();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  document.querySelectorAll(".lang").forEach(function (button) {
    button.addEventListener("click", function () {
      state.chosen = true;
      sessionStorage.setItem("gpmi-language-chosen", "1");
      applyLanguage(button.dataset.lang);
      welcome();
    });
  });
  document.getElementById("restart").addEventListener("click", function () {
    state.session = null;
    sessionStorage.removeItem("gpmi-session");
    log.textContent = "";
    welcome();
    input.focus();
  });

  document.getElementById("delete").addEventListener("click", function () {
    send("/delete_data", t("delete"));
  });

  applyLanguage(state.language);
  welcome();
})();
