/*
 * ChiSo page behaviour. No inline handlers anywhere (Content-Security-Policy): everything is wired here
 * from data-* attributes.
 *
 *  - <table data-sortable>: header cells become buttons that sort the rows client-side.
 *      <td data-sort-value="5.35">5,35</td>  sorts numerically (invariant number in the attribute);
 *      cells without it sort as Vietnamese text. <th data-sort="none"> opts a column out.
 *  - <form data-confirm="Bạn có chắc …?">: asks window.confirm before submitting
 *      (a submit button may carry its own data-confirm, which wins).
 *  - htmx: adds the antiforgery header to non-GET requests and drives the top progress bar.
 */
(function () {
    'use strict';

    var collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

    // ---------- sortable tables ----------

    function headerRow(table) {
        var head = table.tHead;
        if (!head || !head.rows.length) { return null; }
        return head.rows[head.rows.length - 1];
    }

    function cellKey(row, index) {
        var cell = row.cells[index];
        if (!cell) { return { empty: true }; }
        var raw = cell.getAttribute('data-sort-value');
        if (raw !== null) {
            var number = parseFloat(raw);
            if (!isNaN(number)) { return { number: number }; }
            if (raw.trim() === '') { return { empty: true }; }
            return { text: raw.trim() };
        }
        var text = cell.textContent.trim();
        return text === '' ? { empty: true } : { text: text };
    }

    function compareKeys(a, b) {
        if (a.number !== undefined && b.number !== undefined) { return a.number - b.number; }
        if (a.number !== undefined) { return -1; } // numbers before text
        if (b.number !== undefined) { return 1; }
        return collator.compare(a.text, b.text);
    }

    function sortTable(table, th, index) {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        var row = headerRow(table);
        Array.prototype.forEach.call(row.cells, function (other) {
            if (other !== th) { other.removeAttribute('aria-sort'); }
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');

        Array.prototype.forEach.call(table.tBodies, function (body) {
            var rows = Array.prototype.map.call(body.rows, function (r, position) {
                return { row: r, key: cellKey(r, index), position: position };
            });
            rows.sort(function (x, y) {
                // Empty cells stay at the bottom whichever the direction.
                if (x.key.empty || y.key.empty) {
                    if (x.key.empty && y.key.empty) { return x.position - y.position; }
                    return x.key.empty ? 1 : -1;
                }
                var result = compareKeys(x.key, y.key);
                if (!ascending) { result = -result; }
                return result !== 0 ? result : x.position - y.position;
            });
            var fragment = document.createDocumentFragment();
            rows.forEach(function (r) { fragment.appendChild(r.row); });
            body.appendChild(fragment);
        });

        var status = table.parentNode.querySelector('.chiso-sort-status');
        if (status) {
            var en = (document.documentElement.lang || 'vi').toLowerCase().indexOf('en') === 0;
            status.textContent = en
                ? 'Sorted by ' + th.textContent.trim() + (ascending ? ', ascending' : ', descending')
                : 'Đã sắp xếp theo ' + th.textContent.trim() + (ascending ? ', tăng dần' : ', giảm dần');
        }
    }

    function enhanceTable(table) {
        if (table.hasAttribute('data-sortable-ready')) { return; }
        var row = headerRow(table);
        if (!row) { return; }
        table.setAttribute('data-sortable-ready', '');
        Array.prototype.forEach.call(row.cells, function (th, index) {
            if (th.getAttribute('data-sort') === 'none' || th.querySelector('button')) { return; }
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'chiso-sort-button';
            while (th.firstChild) { button.appendChild(th.firstChild); }
            var icon = document.createElement('span');
            icon.className = 'chiso-sort-icon';
            icon.setAttribute('aria-hidden', 'true');
            button.appendChild(icon);
            th.appendChild(button);
            button.addEventListener('click', function () { sortTable(table, th, index); });
        });
        // Polite live region so screen-reader users hear the result of a sort.
        var status = document.createElement('div');
        status.className = 'chiso-sort-status visually-hidden';
        status.setAttribute('aria-live', 'polite');
        table.parentNode.insertBefore(status, table.nextSibling);
    }

    function enhanceAll() {
        Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), enhanceTable);
    }

    // ---------- confirmation before submit ----------

    // Capture phase on document: runs before htmx's own submit listener, so "Cancel" stops both.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement)) { return; }
        var submitter = event.submitter;
        var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
            event.stopPropagation();
        }
    }, true);

    // ---------- htmx integration ----------

    document.addEventListener('htmx:configRequest', function (event) {
        var verb = (event.detail.verb || 'get').toLowerCase();
        if (verb === 'get') { return; }
        var meta = document.querySelector('meta[name="request-verification-token"]');
        if (meta && meta.content) {
            // Header name ASP.NET Core antiforgery reads by default.
            event.detail.headers['RequestVerificationToken'] = meta.content;
        }
    });

    var inFlight = 0;
    function setProgress(delta) {
        inFlight = Math.max(0, inFlight + delta);
        var bar = document.getElementById('chiso-progress');
        if (bar) { bar.classList.toggle('is-active', inFlight > 0); }
    }
    document.addEventListener('htmx:beforeRequest', function () { setProgress(1); });
    document.addEventListener('htmx:afterRequest', function () { setProgress(-1); });

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', enhanceAll);
    } else {
        enhanceAll();
    }
    document.addEventListener('htmx:afterSettle', enhanceAll);
})();
