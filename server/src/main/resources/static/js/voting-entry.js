// Keyboard ballot entry (逐张录入选票): one line per ballot, Enter saves and moves on.
// Ballots are queued and sent one at a time to the JSON API with a random client id (UUID v4),
// so a retry after a network error is never counted twice; a ballot is listed only once the
// server has committed it.
(function () {
  var form = document.getElementById("entry-form");
  if (!form) {
    return;
  }
  var api = form.dataset.api;
  var box = Number(form.dataset.box);
  var stack = form.dataset.stack;
  var side = form.dataset.side;
  var n = Number(form.dataset.candidates);
  var next = Number(form.dataset.next);
  var marks = document.getElementById("marks");
  // one box per written-in person: a name is taken whole (巴特尔·额尔敦, 阿拉坦 其其格), never split
  var writeinBoxes = Array.prototype.slice.call(document.querySelectorAll(".writein"));
  var identifying = document.getElementById("identifying");
  var error = document.getElementById("entry-error");
  var entered = document.getElementById("entered");
  var enteredCount = document.getElementById("entered-count");
  var pendingCount = document.getElementById("pending-count");
  var nextLabel = document.getElementById("next-position");
  var preview = document.getElementById("preview");
  var queue = [];
  var busy = false;
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join("");
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
  }

  function symbol(c) {
    if ("1○〇OoYy+".indexOf(c) >= 0) { return "○"; }
    if ("2×XxNn".indexOf(c) >= 0) { return "×"; }
    if ("0 -_—Aa".indexOf(c) >= 0) { return "—"; }
    if (c === "?" || c === "？") { return "?"; }
    return "!";
  }

  function showPreview() {
    var cells = preview.querySelectorAll("td");
    for (var i = 0; i < cells.length; i++) {
      cells[i].textContent = i < marks.value.length ? symbol(marks.value.charAt(i)) : "";
    }
  }

  function parseWriteIns() {
    var out = [];
    writeinBoxes.forEach(function (box) {
      var w = box.value.trim();
      if (!w) { return; }
      var mark = "Y";
      var last = w.charAt(w.length - 1);
      if (last === "?" || last === "？") { mark = "?"; w = w.substring(0, w.length - 1); }
      else if (last === "0") { mark = "A"; w = w.substring(0, w.length - 1); }
      w = w.trim();
      if (w) { out.push({ name: w, mark: mark }); }
    });
    return out;
  }

  function fail(msg) {
    error.textContent = msg;
    error.classList.remove("d-none");
  }

  function pump() {
    pendingCount.textContent = String(queue.length);
    if (busy || queue.length === 0) {
      return;
    }
    busy = true;
    var item = queue[0];
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (token && header) { headers[header.content] = token.content; }
    fetch(api, { method: "POST", headers: headers, body: JSON.stringify(item.body), credentials: "same-origin" })
      .then(function (res) {
        return res.json().then(function (body) { return { ok: res.ok, busy: res.status === 503, body: body }; }, function () { return { ok: false, busy: res.status === 503, body: { message: "服务器返回了无法识别的内容（" + res.status + "）" } }; });
      })
      .then(function (r) {
        busy = false;
        if (r.busy) {
          // the database was busy and saved nothing: send the same ballot (same id) again
          fail("数据库暂时繁忙，这张选票尚未保存；正在用同一编号重试，不会重复计入……");
          setTimeout(pump, 1000);
          return;
        }
        if (!r.ok) {
          queue = [];
          fail((r.body && r.body.message) || "保存失败");
          next = item.body.position;
          nextLabel.textContent = String(next);
          pump();
          return;
        }
        queue.shift();
        error.classList.add("d-none");
        var li = document.createElement("li");
        li.value = r.body.position;
        li.className = r.body.verdict === "VALID" ? "" : "text-danger";
        li.textContent = item.display + "　" + r.body.messageZh;
        entered.insertBefore(li, entered.firstChild);
        enteredCount.textContent = String(r.body.position);
        pump();
      }, function () {
        busy = false;
        fail("网络中断，正在用同一编号重试（不会重复计入）……");
        setTimeout(pump, 1000);
      });
  }

  function submit() {
    var keys = marks.value;
    if (keys.length !== n) {
      fail("ENTRY.MARKS.COUNT：录入了" + keys.length + "个符号，而选票上有" + n + "名候选人");
      return;
    }
    for (var i = 0; i < keys.length; i++) {
      if (symbol(keys.charAt(i)) === "!") {
        fail("ENTRY.MARK.UNKNOWN：第" + (i + 1) + "个符号「" + keys.charAt(i) + "」无法识别");
        return;
      }
    }
    error.classList.add("d-none");
    var body = {
      clientId: uuid(),
      position: next,
      marks: keys,
      writeIns: parseWriteIns(),
      identifyingMarks: identifying.checked,
      boxId: box,
      stack: stack,
      entry: side
    };
    var display = "";
    for (var j = 0; j < keys.length; j++) { display += symbol(keys.charAt(j)); }
    var written = writeinBoxes.map(function (b) { return b.value.trim(); }).filter(function (v) { return v; });
    if (written.length) { display += " 另选：" + written.join("；"); }
    queue.push({ body: body, display: display });
    next += 1;
    nextLabel.textContent = String(next);
    marks.value = "";
    writeinBoxes.forEach(function (b) { b.value = ""; });
    identifying.checked = false;
    showPreview();
    marks.focus();
    pump();
  }

  marks.addEventListener("input", showPreview);
  marks.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); submit(); }
  });
  writeinBoxes.forEach(function (box) {
    box.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); submit(); }
    });
  });
  marks.focus();
})();
