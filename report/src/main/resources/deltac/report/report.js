(function () {
  "use strict";
  var state = window.deltacReport;
  var TRUSTED = {"\\htmlClass": true, "\\htmlData": true};

  function typeset() {
    var blocks = document.querySelectorAll(".eq[data-tex]");
    state.equations = blocks.length;
    state.typeset = 0;
    for (var i = 0; i < blocks.length; i++) {
      var el = blocks[i];
      try {
        katex.render(el.getAttribute("data-tex"), el, {
          displayMode: true, throwOnError: true, strict: "ignore",
          trust: function (ctx) { return TRUSTED[ctx.command] === true; }
        });
        el.classList.add("typeset");
        state.typeset++;
      } catch (e) {
        var name = el.getAttribute("data-name") || "an equation";
        state.katexErrors.push(name + ": " + e.message);
        el.classList.add("katex-failed");
        var note = document.createElement("div");
        note.className = "katex-failure";
        note.textContent = "KaTeX could not typeset " + name + ": " + e.message;
        el.appendChild(note);
      }
    }
  }

  // Lines up the equals signs of each list: every left side padded to the widest one.
  function alignLeftSides() {
    var lists = document.querySelectorAll(".eqs, .sides");
    for (var i = 0; i < lists.length; i++) {
      var eqs = lists[i].querySelectorAll(".eq.typeset");
      var widths = [], max = 0;
      for (var j = 0; j < eqs.length; j++) {
        var lhs = eqs[j].querySelector(".lhs");
        var w = lhs ? lhs.getBoundingClientRect().width : 0;
        widths.push(w);
        max = Math.max(max, w);
      }
      for (var k = 0; k < eqs.length; k++) {
        eqs[k].style.paddingLeft = (max - widths[k]).toFixed(1) + "px";
      }
    }
  }

  // Side by side while every equation fits its column; one above the other when one would scroll.
  function fitForms() {
    var forms = document.querySelector(".forms");
    if (!forms) return;
    var eqs = forms.querySelectorAll(".eq.typeset");
    for (var i = 0; i < eqs.length; i++) {
      if (eqs[i].scrollWidth > eqs[i].clientWidth + 1) {
        forms.classList.add("stacked");
        return;
      }
    }
  }

  // A term's shape on hover: the innermost term under the pointer, outlined, its shape in a tip.
  function shapeTips() {
    var tip = document.createElement("div");
    tip.id = "shape-tip";
    document.body.appendChild(tip);
    var current = null;
    document.addEventListener("mouseover", function (e) {
      var term = e.target.closest && e.target.closest(".katex [data-shape]");
      if (current) current.classList.remove("hovered");
      current = term;
      if (!term) { tip.style.display = "none"; return; }
      term.classList.add("hovered");
      tip.textContent = term.getAttribute("data-shape");
      var r = term.getBoundingClientRect();
      tip.style.display = "block";
      tip.style.left = (window.scrollX + r.left) + "px";
      tip.style.top = (window.scrollY + r.bottom + 4) + "px";
    });
  }

  function pointTips() {
    var tip = document.createElement("div");
    tip.id = "point-tip";
    document.body.appendChild(tip);
    document.addEventListener("mouseover", function (e) {
      var pt = e.target.closest && e.target.closest("circle.pt");
      if (!pt) { tip.style.display = "none"; return; }
      tip.textContent = pt.getAttribute("data-value");
      var r = pt.getBoundingClientRect();
      tip.style.display = "block";
      tip.style.left = (window.scrollX + r.right + 6) + "px";
      tip.style.top = (window.scrollY + r.top - 24) + "px";
    });
  }

  function logSwitches() {
    var boxes = document.querySelectorAll("input.log-switch");
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].addEventListener("change", function (e) {
        var chart = document.getElementById(e.target.getAttribute("data-chart"));
        if (chart) chart.classList.toggle("log-scale", e.target.checked);
      });
    }
  }

  function downloads() {
    var buttons = document.querySelectorAll("button.download");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (e) {
        var box = document.getElementById(e.target.getAttribute("data-svg"));
        var svg = box && box.querySelector("svg");
        if (!svg) return;
        var text = '<?xml version="1.0" encoding="UTF-8"?>\n' + svg.outerHTML;
        var url = URL.createObjectURL(new Blob([text], {type: "image/svg+xml"}));
        var a = document.createElement("a");
        a.href = url;
        a.download = e.target.getAttribute("data-file");
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      });
    }
  }

  // What the page says of itself when it has settled: the browser tests read window.deltacReport.
  function selfCheck() {
    var faces = ["12px KaTeX_Main", "italic 12px KaTeX_Math"];
    return document.fonts.ready.then(function () {
      return Promise.all(faces.map(function (f) { return document.fonts.load(f); }));
    }).then(function (loaded) {
      alignLeftSides(); // again, now that the fonts have their real widths
      fitForms();
      state.fontsLoaded = loaded.every(function (list) {
        return list.length > 0 && list.every(function (face) { return face.status === "loaded"; });
      });
      state.fontErrors = [];
      document.fonts.forEach(function (face) {
        if (face.status === "error") state.fontErrors.push(face.family);
      });
      state.zeroSize = [];
      var blocks = document.querySelectorAll(".eq[data-tex]");
      for (var i = 0; i < blocks.length; i++) {
        var r = blocks[i].getBoundingClientRect();
        if (!(r.width > 0 && r.height > 0)) state.zeroSize.push(blocks[i].getAttribute("data-name"));
      }
      state.katexErrorElements = document.querySelectorAll(".katex-error").length;
      state.ok = state.fontsLoaded && state.fontErrors.length === 0 && state.zeroSize.length === 0
        && state.katexErrors.length === 0 && state.katexErrorElements === 0 && state.scriptErrors.length === 0
        && state.blocked.length === 0 && state.typeset === state.equations;
      var line = document.getElementById("selfcheck");
      line.className = state.ok ? "passed" : "failed";
      line.textContent = state.ok
        ? "self-check passed: " + state.typeset + " equations typeset, KaTeX fonts loaded, no script error, nothing blocked"
        : "self-check FAILED: " + JSON.stringify({typeset: state.typeset, equations: state.equations,
            fontsLoaded: state.fontsLoaded, fontErrors: state.fontErrors, zeroSize: state.zeroSize,
            katexErrors: state.katexErrors, scriptErrors: state.scriptErrors, blocked: state.blocked});
      document.documentElement.setAttribute("data-selfcheck", state.ok ? "passed" : "failed");
      state.done = true;
    });
  }

  try {
    typeset();
    alignLeftSides();
    shapeTips();
    pointTips();
    logSwitches();
    downloads();
  } catch (e) {
    state.scriptErrors.push(String(e && e.message || e));
  }
  selfCheck().catch(function (e) {
    state.scriptErrors.push("self-check: " + e);
    state.ok = false;
    state.done = true;
  });
})();
