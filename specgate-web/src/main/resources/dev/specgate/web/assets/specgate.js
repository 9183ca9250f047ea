// Specgate dashboard: table sorting and filtering, board filtering, and (only when served by
// `specgate serve`) live updates over server-sent events. No dependencies; in a static site
// nothing is fetched, so pages work from file:// with no network.
(function () {
  "use strict";

  var sortState = null; // {column: index, direction: "ascending" | "descending"}

  function byId(id) {
    return document.getElementById(id);
  }

  function norm(text) {
    return (text || "").toLowerCase().trim();
  }

  function specs(n) {
    return n + (n === 1 ? " spec" : " specs");
  }

  // ---- Table: sort by a column, filter by text, status, type and errors ----

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) {
      return numeric ? 0 : "";
    }
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    if (numeric) {
      var n = parseFloat(raw);
      return isNaN(n) ? 0 : n;
    }
    return norm(raw);
  }

  function sortTable(table, index, direction) {
    var th = table.tHead.rows[0].cells[index];
    var numeric = th.getAttribute("data-sort") === "num";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sign = direction === "ascending" ? 1 : -1;
    rows.forEach(function (r, i) { r._order = i; });
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric);
      var y = cellValue(b, index, numeric);
      if (x < y) { return -sign; }
      if (x > y) { return sign; }
      return a._order - b._order;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r); });
    body.appendChild(fragment);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c, i) {
      if (i === index) {
        c.setAttribute("aria-sort", direction);
      } else {
        c.removeAttribute("aria-sort");
      }
    });
    sortState = { column: index, direction: direction };
  }

  function initTable() {
    var table = byId("specs");
    if (!table) {
      return;
    }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = th.querySelector("button");
      if (!button) {
        return;
      }
      button.addEventListener("click", function () {
        var current = th.getAttribute("aria-sort");
        sortTable(table, index, current === "ascending" ? "descending" : "ascending");
      });
    });
    if (sortState) {
      sortTable(table, sortState.column, sortState.direction);
    }
    var inputs = ["table-filter", "table-status", "table-type", "table-errors"].map(byId);
    inputs.forEach(function (el) {
      if (el) {
        el.addEventListener("input", filterTable);
        el.addEventListener("change", filterTable);
      }
    });
    filterTable();
  }

  function filterTable() {
    var table = byId("specs");
    if (!table) {
      return;
    }
    var words = norm(byId("table-filter").value).split(/\s+/).filter(Boolean);
    var status = byId("table-status").value;
    var type = byId("table-type").value;
    var errorsOnly = byId("table-errors").checked;
    var rows = table.tBodies[0].rows;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var text = r.getAttribute("data-search") || "";
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; })
        && (!status || r.getAttribute("data-status") === status)
        && (!type || r.getAttribute("data-type") === type)
        && (!errorsOnly || parseInt(r.getAttribute("data-errors"), 10) > 0);
      r.hidden = !ok;
      if (ok) {
        shown++;
      }
    }
    byId("table-count").textContent = shown + " of " + specs(rows.length);
    byId("table-none").hidden = shown !== 0;
  }

  // ---- Board: filter cards by text and type ----

  function initBoard() {
    var board = byId("board");
    if (!board) {
      return;
    }
    ["board-filter", "board-type"].map(byId).forEach(function (el) {
      el.addEventListener("input", filterBoard);
      el.addEventListener("change", filterBoard);
    });
    filterBoard();
  }

  function filterBoard() {
    var board = byId("board");
    var words = norm(byId("board-filter").value).split(/\s+/).filter(Boolean);
    var type = byId("board-type").value;
    var total = 0;
    var shown = 0;
    Array.prototype.forEach.call(board.querySelectorAll(".column"), function (column) {
      var inColumn = 0;
      Array.prototype.forEach.call(column.querySelectorAll(".card"), function (card) {
        var text = card.getAttribute("data-search") || "";
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; })
          && (!type || card.getAttribute("data-type") === type);
        card.hidden = !ok;
        total++;
        if (ok) {
          shown++;
          inColumn++;
        }
      });
      var count = column.querySelector(".colcount");
      if (count) {
        count.textContent = String(inColumn);
      }
    });
    byId("board-count").textContent =
      shown === total ? specs(total) : shown + " of " + specs(total);
  }

  // ---- Live updates (specgate serve only) ----

  function keepFilters() {
    var kept = {};
    Array.prototype.forEach.call(document.querySelectorAll(".filters input, .filters select"),
      function (el) {
        kept[el.id] = el.type === "checkbox" ? el.checked : el.value;
      });
    return kept;
  }

  function restoreFilters(kept) {
    Object.keys(kept).forEach(function (id) {
      var el = byId(id);
      if (!el) {
        return;
      }
      if (el.type === "checkbox") {
        el.checked = kept[id];
      } else {
        el.value = kept[id];
      }
    });
  }

  function setStatus(text, cls) {
    var status = byId("live-status");
    if (status) {
      status.textContent = text;
      status.className = "live" + (cls ? " " + cls : "");
    }
  }

  function refresh() {
    var focused = document.activeElement && document.activeElement.id;
    var kept = keepFilters();
    var scrollY = window.scrollY;
    return fetch(window.location.pathname, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 404) {
          // said once: each later change asks again and gets the same answer
          if (!byId("gone")) {
            var main = byId("main");
            var banner = document.createElement("p");
            banner.className = "banner";
            banner.id = "gone";
            banner.setAttribute("role", "status");
            banner.textContent = "This spec is gone: its file was deleted or renamed.";
            main.insertBefore(banner, main.firstChild);
          }
          return null;
        }
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var main = fresh.getElementById("main");
        if (!main) {
          return;
        }
        byId("main").replaceWith(document.importNode(main, true));
        document.title = fresh.title;
        restoreFilters(kept);
        init();
        window.scrollTo(0, scrollY);
        if (focused && byId(focused)) {
          byId(focused).focus();
        }
        setStatus("updated", "updated");
        window.setTimeout(function () { setStatus("live", ""); }, 1500);
        document.body.setAttribute("data-updated", String(Date.now()));
      })
      .catch(function () {
        setStatus("offline", "offline");
      });
  }

  function initLive() {
    var url = document.body.getAttribute("data-live");
    if (!url || !window.EventSource) {
      return;
    }
    var source = null;
    var lost = false;
    function listen() {
      source = new EventSource(url);
      source.addEventListener("change", function () { refresh(); });
      source.addEventListener("open", function () {
        setStatus("live", "");
        if (lost) {
          lost = false;
          refresh();
        }
      });
      source.addEventListener("error", function () {
        lost = true;
        setStatus("offline", "offline");
      });
    }
    listen();
    // A page left for another stays in the browser's back/forward cache with its stream open:
    // a browser keeps at most six connections to one server, so after a few pages the next one
    // waited for a free connection and did not load. The stream closes when the page is left and
    // opens again, with the page fetched anew (it missed the changes meanwhile), when it is back.
    window.addEventListener("pagehide", function () {
      if (source) {
        source.close();
        source = null;
      }
    });
    window.addEventListener("pageshow", function (e) {
      if (e.persisted && !source) {
        lost = true;
        listen();
      }
    });
  }

  function init() {
    initTable();
    initBoard();
  }

  document.addEventListener("DOMContentLoaded", function () {
    init();
    initLive();
  });
})();
