/* Vigil workspace 0.1: candidate duplicates while a researcher types a name.
   No dependencies; talks only to this site's /workspace/entry/candidates.json. */
(function () {
  "use strict";
  var input = document.getElementById("entry-name");
  var box = document.getElementById("entry-candidates");
  var chosen = document.getElementById("entry-same-as");
  if (!input || !box || !chosen) { return; }
  var endpoint = box.getAttribute("data-endpoint");
  var timer = null, lastAsked = "";

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function option(value, label, checked) {
    var row = el("label", null, "ws-candidate");
    var radio = document.createElement("input");
    radio.type = "radio"; radio.name = "candidate"; radio.value = value; radio.checked = checked;
    radio.addEventListener("change", function () { chosen.value = value; });
    row.appendChild(radio);
    row.appendChild(document.createTextNode(" " + label));
    return row;
  }

  function describe(c) {
    var parts = [c.name_latin, c.name_fa].filter(Boolean).join(" / ");
    var what = [c.status, c.date, c.prison].filter(Boolean).join(", ");
    return parts + " (" + c.id + (what ? "; " + what : "") + "; " + (c.published ? "published" : "private") +
      "; " + (c.match === "exact" ? "same name key" : "score " + c.score) + ")";
  }

  function render(data) {
    box.textContent = "";
    if (!data.candidates.length) {
      box.appendChild(el("p", "No person recorded under a similar name: a new person will be created.", "ws-none"));
      chosen.value = "";
      return;
    }
    box.appendChild(el("p", data.candidates.length + " possible duplicate(s): is this entry about one of them?", "ws-warn"));
    box.appendChild(option("", "No: a new person", chosen.value === ""));
    data.candidates.forEach(function (c) {
      var row = option(c.id, describe(c), chosen.value === c.id);
      var link = el("a", "open");
      link.href = c.url; link.target = "_blank"; link.rel = "noopener";
      row.appendChild(document.createTextNode(" "));
      row.appendChild(link);
      box.appendChild(row);
    });
  }

  function ask() {
    var name = input.value.trim();
    if (name === lastAsked) { return; }
    lastAsked = name;
    if (name.length < 2) { box.textContent = ""; chosen.value = ""; return; }
    fetch(endpoint + "?name=" + encodeURIComponent(name), {credentials: "same-origin",
      headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : {candidates: []}; })
      .then(function (data) { if (data.name === input.value.trim()) { render(data); } })
      .catch(function () { box.textContent = ""; });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 250);
  });
  if (input.value) { ask(); }
}());
