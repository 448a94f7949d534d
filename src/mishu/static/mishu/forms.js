/* Mishu forms: focus the error summary after a failed submit, and an ROC date picker.
   Everything here is an enhancement: without JavaScript the summary's links still lead to the
   fields and a date is typed as text (例：115/12/08), read by core/formats on the server. */
(function () {
  "use strict";

  /* The error summary: focused on load; its links move focus to their field. */
  function setUpErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var field = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!field) return;
      event.preventDefault();
      var label = document.querySelector("label[for='" + field.id + "']");
      (label || field).scrollIntoView({ block: "center" });
      field.focus({ preventScroll: true });
    });
  }

  /* ROC dates: 115/12/08 ⇄ a Date. */
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function formatRoc(d) {
    return (d.getFullYear() - 1911) + "/" + pad(d.getMonth() + 1) + "/" + pad(d.getDate());
  }

  function parseRoc(text) {
    var t = (text || "").replace(/[\uFF10-\uFF19]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    }).replace(/\s|民國|中華/g, "");
    var m = t.match(/^(\d{1,4})[年\/.\-](\d{1,2})[月\/.\-](\d{1,2})日?$/) || t.match(/^(\d{3,4})(\d{2})(\d{2})$/);
    if (!m) return null;
    var year = parseInt(m[1], 10);
    if (m[1].length < 4) year += 1911;
    var d = new Date(year, parseInt(m[2], 10) - 1, parseInt(m[3], 10));
    return isNaN(d.getTime()) ? null : d;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function DatePicker(input) {
    this.input = input;
    this.labels = {
      open: input.dataset.calendarLabel || "Choose a date",
      prev: input.dataset.prevLabel || "Previous month",
      next: input.dataset.nextLabel || "Next month",
      close: input.dataset.closeLabel || "Close",
      weekdays: (input.dataset.weekdays || "S,M,T,W,T,F,S").split(",")
    };
    this.button = el("button", { type: "button", "class": "calendar-button", "aria-expanded": "false",
      "aria-haspopup": "dialog" });
    this.button.textContent = this.labels.open;
    input.insertAdjacentElement("afterend", this.button);
    this.button.addEventListener("click", this.toggle.bind(this));
  }

  DatePicker.prototype.toggle = function () {
    if (this.popup) { this.close(true); } else { this.open(); }
  };

  DatePicker.prototype.open = function () {
    var picked = parseRoc(this.input.value);
    this.selected = picked;
    this.month = picked ? new Date(picked.getFullYear(), picked.getMonth(), 1) : new Date();
    this.month.setDate(1);
    this.popup = el("div", { "class": "calendar", role: "dialog", "aria-modal": "false",
      "aria-label": this.labels.open });
    this.button.insertAdjacentElement("afterend", this.popup);
    this.button.setAttribute("aria-expanded", "true");
    this.popup.addEventListener("keydown", this.onKey.bind(this));
    this.render();
    var focus = this.popup.querySelector("[aria-pressed='true']") || this.popup.querySelector(".today") ||
      this.popup.querySelector("td button");
    focus.focus();
  };

  DatePicker.prototype.close = function (refocus) {
    if (!this.popup) return;
    this.popup.remove();
    this.popup = null;
    this.button.setAttribute("aria-expanded", "false");
    if (refocus) this.button.focus();
  };

  DatePicker.prototype.onKey = function (event) {
    if (event.key === "Escape") { event.preventDefault(); this.close(true); return; }
    var moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    var day = event.target.dataset && event.target.dataset.day;
    if (day && moves[event.key] !== undefined) {
      event.preventDefault();
      var d = parseRoc(day);
      d.setDate(d.getDate() + moves[event.key]);
      this.month = new Date(d.getFullYear(), d.getMonth(), 1);
      this.render();
      this.popup.querySelector("[data-day='" + formatRoc(d) + "']").focus();
    }
  };

  DatePicker.prototype.shift = function (months) {
    this.month = new Date(this.month.getFullYear(), this.month.getMonth() + months, 1);
    this.render();
  };

  DatePicker.prototype.render = function () {
    var self = this;
    var popup = this.popup;
    popup.textContent = "";
    var head = el("div", { "class": "calendar-head" });
    var prev = el("button", { type: "button", "aria-label": this.labels.prev }, "‹");
    var next = el("button", { type: "button", "aria-label": this.labels.next }, "›");
    var title = el("p", { "class": "calendar-title", "aria-live": "polite" },
      (this.month.getFullYear() - 1911) + " 年 " + (this.month.getMonth() + 1) + " 月");
    prev.addEventListener("click", function () { self.shift(-1); });
    next.addEventListener("click", function () { self.shift(1); });
    head.append(prev, title, next);
    var table = el("table", { role: "grid" });
    var row = el("tr");
    this.labels.weekdays.forEach(function (w) { row.append(el("th", { scope: "col" }, w)); });
    var thead = el("thead");
    thead.append(row);
    table.append(thead);
    var body = el("tbody");
    var first = new Date(this.month);
    var cursor = new Date(first.getFullYear(), first.getMonth(), 1 - first.getDay());
    var today = formatRoc(new Date());
    var chosen = this.selected ? formatRoc(this.selected) : "";
    for (var week = 0; week < 6; week++) {
      row = el("tr");
      for (var i = 0; i < 7; i++) {
        var cell = el("td");
        if (cursor.getMonth() === first.getMonth()) {
          var text = formatRoc(cursor);
          var b = el("button", { type: "button", "data-day": text, "aria-label": text,
            "aria-pressed": text === chosen ? "true" : "false" }, String(cursor.getDate()));
          if (text === today) b.className = "today";
          b.addEventListener("click", function (e) {
            self.input.value = e.currentTarget.dataset.day;
            self.input.dispatchEvent(new Event("change", { bubbles: true }));
            self.close(false);
            self.input.focus();
          });
          cell.append(b);
        }
        row.append(cell);
        cursor.setDate(cursor.getDate() + 1);
      }
      body.append(row);
      if (cursor.getMonth() !== first.getMonth()) break;
    }
    table.append(body);
    var close = el("button", { type: "button", "class": "calendar-close" }, this.labels.close);
    close.addEventListener("click", function () { self.close(true); });
    popup.append(head, table, close);
  };

  function setUp() {
    setUpErrorSummary();
    document.querySelectorAll("input.roc-date").forEach(function (input) { new DatePicker(input); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
