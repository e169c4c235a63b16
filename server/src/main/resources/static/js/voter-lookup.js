// Check-in look-up page (签到查询): asks GET /api/elections/{id}/voters/lookup and shows the voters found;
// the 签到 button posts to the election day's check-in and asks again.
(function () {
  const form = document.getElementById('lookup-form');
  if (!form) return;
  const q = document.getElementById('lookup-q');
  const qr = document.getElementById('lookup-qr');
  const error = document.getElementById('lookup-error');
  const body = document.querySelector('#lookup-results tbody');
  let last = null;

  function cell(tr, text) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function show(voters) {
    body.replaceChildren();
    if (voters.length === 0) {
      const tr = document.createElement('tr');
      cell(tr, '没有找到在册选民').colSpan = 7;
      body.appendChild(tr);
    }
    for (const v of voters) {
      const tr = document.createElement('tr');
      tr.dataset.key = v.key;
      cell(tr, v.name);
      cell(tr, v.maskedId);
      cell(tr, v.district);
      cell(tr, String(v.voterNo));
      cell(tr, v.station || '（未分配）');
      const proxies = [];
      if (v.delegatedTo) proxies.push('已委托' + v.delegatedTo + '代为投票');
      if (v.holds.length) proxies.push('代' + v.holds.join('、') + '投票');
      cell(tr, proxies.join('；'));
      const td = cell(tr, '');
      if (v.checkedIn) {
        td.innerHTML = '<span class="badge bg-success">已签到</span>';
      } else {
        const b = document.createElement('button');
        b.className = 'btn btn-sm btn-primary';
        b.textContent = '签到';
        b.addEventListener('click', () => checkIn(v.key));
        td.appendChild(b);
      }
      body.appendChild(tr);
    }
  }

  async function lookup(params) {
    last = params;
    error.classList.add('d-none');
    const res = await fetch(form.dataset.api + '?' + new URLSearchParams(params), {headers: {Accept: 'application/json'}});
    const json = await res.json().catch(() => ({}));
    if (!res.ok) {
      error.textContent = (json.message || '查询失败').replace(/^字段 [^：]*：/, '');
      error.classList.remove('d-none');
      body.replaceChildren();
      return;
    }
    show(json.voters);
  }

  async function checkIn(key) {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    const headers = {'Content-Type': 'application/x-www-form-urlencoded'};
    if (token && header) headers[header.content] = token.content;
    await fetch(form.dataset.checkin, {method: 'POST', headers, body: new URLSearchParams({stage: '1', key})});
    if (last) lookup(last);
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (qr.value.trim()) {
      lookup({qr: qr.value.trim()});
      qr.value = '';
    } else {
      lookup({q: q.value.trim()});
    }
  });
})();
