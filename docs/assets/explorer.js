// Loss explorer: move w and b, watch sigmoid+MSE and BCE disagree.
//
// Plain JavaScript + SVG, no framework, nothing from another host. The data (data sets,
// loss landscapes on a (w, b) grid, and reference values) are exported at build time by
// lossbook.explorer (hooks/page_explorer.py writes assets/data/explorer.json); the math
// below mirrors lossbook.losses and is checked against lossbook's exported values by the
// browser tests (tests/site/test_explorer.py), to 4 decimals.
(function () {
  "use strict";

  var TEXT = {
    vi: {
      dataset: "Dữ liệu", w: "w (trọng số)", b: "b (hệ số chặn)", lr: "η (tốc độ học)",
      trainWith: "Huấn luyện với", sgd: "Một bước SGD", batch: "Một bước toàn bộ dữ liệu",
      reset: "Đặt lại", sample: "Mẫu", x: "x", y: "y", yhat: "ŷ", mse: "MSE", bce: "BCE",
      total: "Trung bình", grad: "Gradient [∂/∂b, ∂/∂w]", step: "Bước", next: "mẫu tiếp theo",
      curve: "Đường cong σ(wx + b) trên dữ liệu", landscapeMse: "Bề mặt sigmoid + MSE",
      landscapeBce: "Bề mặt BCE", status: "Trạng thái", noData: "Không tải được dữ liệu của công cụ.",
      lastStep: "Bước vừa rồi", none: "chưa có", position: "Vị trí hiện tại trên bề mặt",
    },
    en: {
      dataset: "Data set", w: "w (weight)", b: "b (bias)", lr: "η (learning rate)",
      trainWith: "Train with", sgd: "One SGD step", batch: "One full-batch step",
      reset: "Reset", sample: "Sample", x: "x", y: "y", yhat: "ŷ", mse: "MSE", bce: "BCE",
      total: "Mean", grad: "Gradient [∂/∂b, ∂/∂w]", step: "Step", next: "next sample",
      curve: "The curve σ(wx + b) over the data", landscapeMse: "Sigmoid + MSE landscape",
      landscapeBce: "BCE landscape", status: "Status", noData: "Could not load the explorer's data.",
      lastStep: "Last step", none: "none yet", position: "Current position on the landscape",
    },
  };
  var SVG = "http://www.w3.org/2000/svg";
  // The data file sits next to this script (assets/data/explorer.json) in both languages.
  var DATA_URL = new URL("data/explorer.json", (document.currentScript && document.currentScript.src) || location.href).href;

  // --- math (mirrors lossbook.activations / lossbook.losses) -------------------------
  function sigmoid(z) {
    // Stable in both tails: never exponentiate a large positive number.
    if (z >= 0) { return 1 / (1 + Math.exp(-z)); }
    var e = Math.exp(z);
    return e / (1 + e);
  }
  function bceWithLogits(y, z) {
    // max(z, 0) - y z + log(1 + e^{-|z|}): exact for large |z|, no log(0).
    return Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
  }
  function evaluate(data, w, b) {
    var m = data.x.length, rows = [], mse = 0, bce = 0;
    var gMse = [0, 0], gBce = [0, 0];
    for (var i = 0; i < m; i++) {
      var x = data.x[i], y = data.y[i], z = w * x + b, p = sigmoid(z);
      var se = (p - y) * (p - y), ce = bceWithLogits(y, z);
      var dMse = 2 * (p - y) * p * (1 - p), dBce = p - y;
      rows.push({ x: x, y: y, p: p, mse: se, bce: ce });
      mse += se; bce += ce;
      gMse[0] += dMse; gMse[1] += dMse * x;
      gBce[0] += dBce; gBce[1] += dBce * x;
    }
    return {
      rows: rows, mse: mse / m, bce: bce / m,
      gradMse: [gMse[0] / m, gMse[1] / m], gradBce: [gBce[0] / m, gBce[1] / m],
    };
  }
  function sampleGrad(loss, x, y, w, b) {
    var p = sigmoid(w * x + b);
    var d = loss === "mse" ? 2 * (p - y) * p * (1 - p) : p - y;
    return [d, d * x];
  }

  // --- helpers --------------------------------------------------------------------------
  function fmt(v) {
    var s = v.toFixed(4);
    if (s === "-0.0000") { s = "0.0000"; }
    return s.charAt(0) === "-" ? "−" + s.slice(1) : s;
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function parseNumber(text) {
    var v = parseFloat(String(text).replace("−", "-"));
    return isFinite(v) ? v : null;
  }

  // --- the widget ------------------------------------------------------------------------
  function Explorer(root, all) {
    var lang = root.getAttribute("data-lang") === "en" ? "en" : "vi";
    var t = TEXT[lang];
    var uid = root.id || "lb-explorer";
    var state = { key: Object.keys(all.datasets)[0], w: 0, b: 0, lr: 0.01, loss: "bce", next: 0, last: null };

    function control(name, label, attrs) {
      var id = uid + "-" + name;
      var input = el("input", Object.assign({ id: id, name: name }, attrs));
      return { input: input, wrap: el("div", { class: "lb-ex-control" }, [el("label", { for: id, text: label }), input]) };
    }
    var datasetSelect = el("select", { id: uid + "-dataset" });
    Object.keys(all.datasets).forEach(function (k) {
      datasetSelect.appendChild(el("option", { value: k, text: all.datasets[k].label[lang] }));
    });
    var wRange = control("w-range", t.w, { type: "range", step: "0.01" });
    var wNum = control("w", t.w, { type: "number", step: "0.01", inputmode: "decimal" });
    var bRange = control("b-range", t.b, { type: "range", step: "0.01" });
    var bNum = control("b", t.b, { type: "number", step: "0.01", inputmode: "decimal" });
    var lrNum = control("lr", t.lr, { type: "number", step: "0.001", min: "0", value: "0.01", inputmode: "decimal" });
    var lossSelect = el("select", { id: uid + "-loss" }, [
      el("option", { value: "bce", text: "BCE" }), el("option", { value: "mse", text: "sigmoid + MSE" }),
    ]);
    var sgdButton = el("button", { type: "button", class: "md-button", "data-action": "sgd", text: t.sgd });
    var batchButton = el("button", { type: "button", class: "md-button", "data-action": "batch", text: t.batch });
    var resetButton = el("button", { type: "button", class: "md-button", "data-action": "reset", text: t.reset });
    var table = el("table", { class: "lb-ex-table" });
    var summary = el("dl", { class: "lb-ex-summary", "aria-live": "polite" });
    var stepInfo = el("p", { class: "lb-ex-step", "aria-live": "polite" });
    var curve = svg("svg", { viewBox: "0 0 320 200", class: "lb-ex-curve", role: "img", "aria-label": t.curve });
    var scapes = { mse: null, bce: null };

    root.textContent = "";
    root.appendChild(el("div", { class: "lb-ex-controls" }, [
      el("div", { class: "lb-ex-control" }, [el("label", { for: datasetSelect.id, text: t.dataset }), datasetSelect]),
      wRange.wrap, wNum.wrap, bRange.wrap, bNum.wrap, lrNum.wrap,
      el("div", { class: "lb-ex-control" }, [el("label", { for: lossSelect.id, text: t.trainWith }), lossSelect]),
    ]));
    root.appendChild(el("div", { class: "lb-ex-buttons" }, [sgdButton, batchButton, resetButton]));
    root.appendChild(stepInfo);
    var figures = el("div", { class: "lb-ex-figures" }, [curve]);
    ["mse", "bce"].forEach(function (loss) {
      var label = loss === "mse" ? t.landscapeMse : t.landscapeBce;
      var box = svg("svg", { viewBox: "0 0 200 200", class: "lb-ex-landscape", role: "img", "aria-label": label + " — " + t.position });
      scapes[loss] = box;
      figures.appendChild(el("figure", {}, [box, el("figcaption", { text: label })]));
    });
    root.appendChild(figures);
    root.appendChild(summary);
    root.appendChild(el("div", { class: "lb-ex-table-wrap" }, [table]));

    function data() { return all.datasets[state.key]; }

    function configureRanges() {
      var g = all.landscapes[state.key];
      [[wRange.input, wNum.input, g.w], [bRange.input, bNum.input, g.b]].forEach(function (triple) {
        var lo = triple[2][0], hi = triple[2][triple[2].length - 1];
        triple[0].min = lo; triple[0].max = hi;
      });
    }

    function drawLandscape(loss) {
      var box = scapes[loss], g = all.landscapes[state.key], z = g[loss];
      box.textContent = "";
      var nb = g.b.length, nw = g.w.length, cw = 200 / nw, ch = 200 / nb;
      var lo = Infinity, hi = -Infinity;
      z.forEach(function (row) { row.forEach(function (v) { lo = Math.min(lo, v); hi = Math.max(hi, v); }); });
      for (var i = 0; i < nb; i++) {
        for (var j = 0; j < nw; j++) {
          // Rank by log-loss so both the plateaus and the bowl stay visible.
          var s = (Math.log(z[i][j] + 1e-3) - Math.log(lo + 1e-3)) / (Math.log(hi + 1e-3) - Math.log(lo + 1e-3) || 1);
          var light = Math.round(20 + 70 * s);
          box.appendChild(svg("rect", {
            x: (j * cw).toFixed(2), y: (200 - (i + 1) * ch).toFixed(2),
            width: (cw + 0.3).toFixed(2), height: (ch + 0.3).toFixed(2),
            fill: "hsl(" + Math.round(230 - 200 * s) + ", 60%, " + light + "%)",
          }));
        }
      }
      box.appendChild(svg("circle", { class: "lb-ex-marker", r: "5", cx: "0", cy: "0" }));
    }

    function placeMarkers() {
      var g = all.landscapes[state.key];
      var w0 = g.w[0], w1 = g.w[g.w.length - 1], b0 = g.b[0], b1 = g.b[g.b.length - 1];
      ["mse", "bce"].forEach(function (loss) {
        var m = scapes[loss].querySelector(".lb-ex-marker");
        var cx = 200 * (state.w - w0) / (w1 - w0), cy = 200 - 200 * (state.b - b0) / (b1 - b0);
        m.setAttribute("cx", Math.max(0, Math.min(200, cx)).toFixed(1));
        m.setAttribute("cy", Math.max(0, Math.min(200, cy)).toFixed(1));
      });
    }

    function drawCurve(result) {
      var d = data();
      var xs = d.x, lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs), pad = (hi - lo) * 0.15 || 1;
      lo -= pad; hi += pad;
      function px(x) { return 30 + 280 * (x - lo) / (hi - lo); }
      function py(p) { return 180 - 160 * p; }
      curve.textContent = "";
      curve.appendChild(svg("line", { x1: 30, y1: 180, x2: 310, y2: 180, class: "lb-ex-axis" }));
      curve.appendChild(svg("line", { x1: 30, y1: 20, x2: 30, y2: 180, class: "lb-ex-axis" }));
      curve.appendChild(svg("line", { x1: 30, y1: py(0.5), x2: 310, y2: py(0.5), class: "lb-ex-threshold" }));
      var path = "";
      for (var k = 0; k <= 100; k++) {
        var x = lo + (hi - lo) * k / 100;
        path += (k ? "L" : "M") + px(x).toFixed(1) + " " + py(sigmoid(state.w * x + state.b)).toFixed(1);
      }
      curve.appendChild(svg("path", { d: path, class: "lb-ex-sigmoid" }));
      result.rows.forEach(function (r) {
        curve.appendChild(svg("line", { x1: px(r.x), y1: py(r.y), x2: px(r.x), y2: py(r.p), class: "lb-ex-residual" }));
        curve.appendChild(svg("circle", { cx: px(r.x), cy: py(r.y), r: 4, class: r.y ? "lb-ex-one" : "lb-ex-zero" }));
      });
    }

    function drawTable(result) {
      var maxBce = Math.max.apply(null, result.rows.map(function (r) { return r.bce; })) || 1;
      table.textContent = "";
      var head = el("tr", {}, [t.sample, t.x, t.y, t.yhat, t.mse, t.bce].map(function (h) { return el("th", { scope: "col", text: h }); }));
      table.appendChild(el("thead", {}, [head]));
      var body = el("tbody");
      var shown = result.rows.length > 12 ? 12 : result.rows.length;
      for (var i = 0; i < shown; i++) {
        var r = result.rows[i];
        function bar(v, cls) {
          var wrap = el("span", { class: "lb-ex-bar-cell" });
          wrap.appendChild(el("span", { class: "lb-ex-bar " + cls, style: "width:" + Math.min(100, 100 * v / maxBce).toFixed(1) + "%" }));
          wrap.appendChild(el("span", { class: "lb-ex-num", text: fmt(v) }));
          return wrap;
        }
        body.appendChild(el("tr", { "data-sample": String(i) }, [
          el("td", { text: String(i + 1) }), el("td", { text: String(r.x) }), el("td", { text: String(r.y) }),
          el("td", { text: fmt(r.p) }), el("td", {}, [bar(r.mse, "lb-ex-bar-mse")]), el("td", {}, [bar(r.bce, "lb-ex-bar-bce")]),
        ]));
      }
      table.appendChild(body);
    }

    function drawSummary(result) {
      summary.textContent = "";
      [["mse", t.mse + " (" + t.total + ")", fmt(result.mse)],
       ["bce", t.bce + " (" + t.total + ")", fmt(result.bce)],
       ["grad-mse", t.grad + " MSE", "[" + fmt(result.gradMse[0]) + ", " + fmt(result.gradMse[1]) + "]"],
       ["grad-bce", t.grad + " BCE", "[" + fmt(result.gradBce[0]) + ", " + fmt(result.gradBce[1]) + "]"],
      ].forEach(function (row) {
        summary.appendChild(el("dt", { text: row[1] }));
        summary.appendChild(el("dd", { "data-value": row[0], text: row[2] }));
      });
    }

    function render(from) {
      if (from !== "range") { wRange.input.value = state.w; bRange.input.value = state.b; }
      if (from !== "number") { wNum.input.value = fmt(state.w).replace("−", "-"); bNum.input.value = fmt(state.b).replace("−", "-"); }
      var result = evaluate(data(), state.w, state.b);
      drawCurve(result); drawTable(result); drawSummary(result); placeMarkers();
      var d = data(), n = state.next % d.x.length;
      stepInfo.textContent = t.lastStep + ": " + (state.last || t.none) + " · " + t.next + ": " +
        t.x + " = " + d.x[n] + ", " + t.y + " = " + d.y[n];
    }

    function reset() {
      var d = data();
      state.w = d.start[0]; state.b = d.start[1]; state.next = 0; state.last = null;
      render();
    }

    function setDataset(key) {
      state.key = key; configureRanges(); drawLandscape("mse"); drawLandscape("bce"); reset();
    }

    [wRange, bRange].forEach(function (c, k) {
      c.input.addEventListener("input", function () {
        var v = parseNumber(c.input.value);
        if (v === null) { return; }
        if (k === 0) { state.w = v; } else { state.b = v; }
        render("range");
      });
    });
    [wNum, bNum].forEach(function (c, k) {
      c.input.addEventListener("change", function () {
        var v = parseNumber(c.input.value);
        if (v === null) { render(); return; }
        if (k === 0) { state.w = v; } else { state.b = v; }
        render("number");
      });
    });
    lrNum.input.addEventListener("change", function () {
      var v = parseNumber(lrNum.input.value);
      if (v !== null && v >= 0) { state.lr = v; } else { lrNum.input.value = state.lr; }
    });
    lossSelect.addEventListener("change", function () { state.loss = lossSelect.value; });
    datasetSelect.addEventListener("change", function () { setDataset(datasetSelect.value); });
    sgdButton.addEventListener("click", function () {
      var d = data(), i = state.next % d.x.length;
      var g = sampleGrad(state.loss, d.x[i], d.y[i], state.w, state.b);
      state.b -= state.lr * g[0]; state.w -= state.lr * g[1];
      state.next = i + 1;
      state.last = t.sgd + " (" + t.x + " = " + d.x[i] + ", " + t.y + " = " + d.y[i] + "): ∇ = [" + fmt(g[0]) + ", " + fmt(g[1]) + "]";
      render();
    });
    batchButton.addEventListener("click", function () {
      var r = evaluate(data(), state.w, state.b), g = state.loss === "mse" ? r.gradMse : r.gradBce;
      state.b -= state.lr * g[0]; state.w -= state.lr * g[1];
      state.last = t.batch + ": ∇ = [" + fmt(g[0]) + ", " + fmt(g[1]) + "]";
      render();
    });
    resetButton.addEventListener("click", reset);

    datasetSelect.value = state.key;
    setDataset(state.key);
  }

  function init() {
    document.querySelectorAll(".lb-explorer").forEach(function (root) {
      fetch(DATA_URL).then(function (r) { return r.json(); }).then(function (all) {
        Explorer(root, all);
        root.setAttribute("data-ready", "true");
      }).catch(function () {
        var lang = root.getAttribute("data-lang") === "en" ? "en" : "vi";
        root.textContent = TEXT[lang].noData;
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
  window.lossbookExplorer = { sigmoid: sigmoid, bceWithLogits: bceWithLogits, evaluate: evaluate };
})();
