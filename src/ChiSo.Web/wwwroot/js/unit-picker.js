/*
 * The unit picker: one way to choose units and groups everywhere (task assignees, bulk assignment, group members,
 * role grants). It enhances a plain <select data-unit-picker> — which stays in the form as the source of truth and
 * is what a browser without JavaScript shows — into a search box with the chosen units as removable chips.
 *
 *  - typing searches every word of the query in the labels, ignoring tone marks and case ("so noi vu" finds
 *    "Sở Nội vụ", "dak" finds "Đắk Nông");
 *  - ArrowDown/ArrowUp move through the results, Enter picks, Escape closes, Backspace in an empty box removes the
 *    last chip; a chip is removed only by its own × button, so a stray click never loses a selection;
 *  - <select multiple> keeps many choices, a single <select> one (picking replaces it).
 *
 * Texts come from data-* attributes the page renders in the UI's language:
 *   data-picker-placeholder, data-picker-remove ("Bỏ"), data-picker-empty ("Không tìm thấy"),
 *   data-picker-count ("{n} kết quả"), data-picker-chosen ("Đã chọn").
 * Options may carry data-kind ("group", "commune", "body") for a small badge.
 */
(function () {
    'use strict';

    var MAX_RESULTS = 60;
    var counter = 0;

    function fold(text) {
        return (text || '')
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/[đĐ]/g, 'd')
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, ' ')
            .trim();
    }

    function text(select, name, fallback) {
        return select.getAttribute('data-picker-' + name) || fallback;
    }

    function enhance(select) {
        if (select.getAttribute('data-picker-ready') === '1') { return; }
        select.setAttribute('data-picker-ready', '1');
        counter += 1;
        var id = (select.id || 'picker') + '-picker-' + counter;
        var multiple = select.multiple;
        var options = Array.prototype.slice.call(select.options).filter(function (o) { return o.value !== ''; });
        var keys = options.map(function (o) { return fold(o.textContent); });

        var wrapper = document.createElement('div');
        wrapper.className = 'chiso-picker';
        var chips = document.createElement('ul');
        chips.className = 'chiso-picker-chips list-unstyled mb-1';
        chips.setAttribute('aria-label', text(select, 'chosen', 'Đã chọn'));
        var box = document.createElement('div');
        box.className = 'chiso-picker-box';
        var input = document.createElement('input');
        input.type = 'text';
        input.id = id;
        input.className = 'form-control';
        input.autocomplete = 'off';
        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', id + '-list');
        input.placeholder = text(select, 'placeholder', 'Gõ để tìm đơn vị…');
        // The hidden select cannot show the browser's "required" bubble; the server names a missing choice instead.
        if (select.required) { input.setAttribute('aria-required', 'true'); select.required = false; }
        var list = document.createElement('ul');
        list.id = id + '-list';
        list.className = 'chiso-picker-list list-unstyled';
        list.setAttribute('role', 'listbox');
        list.hidden = true;
        if (multiple) { list.setAttribute('aria-multiselectable', 'true'); }
        var status = document.createElement('div');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        status.setAttribute('aria-live', 'polite');

        box.appendChild(input);
        box.appendChild(list);
        wrapper.appendChild(chips);
        wrapper.appendChild(box);
        wrapper.appendChild(status);
        select.parentNode.insertBefore(wrapper, select.nextSibling);

        // The select stays in the form (it is what is posted) but out of sight and out of the tab order.
        select.classList.add('visually-hidden');
        select.setAttribute('tabindex', '-1');
        select.setAttribute('aria-hidden', 'true');
        if (select.id) {
            var label = document.querySelector('label[for="' + select.id + '"]');
            if (label) { label.htmlFor = id; label.id = label.id || id + '-label'; list.setAttribute('aria-labelledby', label.id); }
        }

        var shown = [];
        var active = -1;

        function renderChips() {
            chips.textContent = '';
            options.forEach(function (option) {
                if (!option.selected) { return; }
                var item = document.createElement('li');
                item.className = 'chiso-chip';
                var name = document.createElement('span');
                name.textContent = option.textContent;
                var remove = document.createElement('button');
                remove.type = 'button';
                remove.className = 'chiso-chip-remove';
                remove.setAttribute('aria-label', text(select, 'remove', 'Bỏ') + ' ' + option.textContent);
                remove.textContent = '×';
                remove.addEventListener('click', function () {
                    option.selected = false;
                    changed();
                    input.focus();
                });
                item.appendChild(name);
                item.appendChild(remove);
                chips.appendChild(item);
            });
        }

        function changed() {
            renderChips();
            select.dispatchEvent(new Event('change', { bubbles: true }));
            if (!list.hidden) { search(); }
        }

        function setActive(index) {
            var items = list.querySelectorAll('[role="option"]');
            if (!items.length) { active = -1; input.removeAttribute('aria-activedescendant'); return; }
            active = Math.max(0, Math.min(index, items.length - 1));
            Array.prototype.forEach.call(items, function (item, i) { item.classList.toggle('active', i === active); });
            input.setAttribute('aria-activedescendant', items[active].id);
            items[active].scrollIntoView({ block: 'nearest' });
        }

        function search() {
            var words = fold(input.value).split(' ').filter(Boolean);
            shown = [];
            for (var i = 0; i < options.length && shown.length < MAX_RESULTS; i++) {
                if (multiple && options[i].selected) { continue; }
                var key = keys[i];
                if (words.every(function (w) { return key.indexOf(w) >= 0; })) { shown.push(options[i]); }
            }

            list.textContent = '';
            if (!shown.length) {
                var none = document.createElement('li');
                none.className = 'chiso-picker-empty';
                none.textContent = text(select, 'empty', 'Không tìm thấy');
                list.appendChild(none);
            }

            shown.forEach(function (option, i) {
                var item = document.createElement('li');
                item.id = id + '-option-' + i;
                item.setAttribute('role', 'option');
                item.setAttribute('aria-selected', option.selected ? 'true' : 'false');
                item.textContent = option.textContent;
                var kind = option.getAttribute('data-kind');
                if (kind) {
                    var badge = document.createElement('span');
                    badge.className = 'chiso-picker-kind chiso-picker-kind-' + kind;
                    badge.textContent = option.getAttribute('data-kind-label') || '';
                    if (badge.textContent) { item.appendChild(badge); }
                }
                // mousedown, not click: picking must happen before the input's blur closes the list.
                item.addEventListener('mousedown', function (event) { event.preventDefault(); pick(option); });
                list.appendChild(item);
            });
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
            status.textContent = text(select, 'count', '{n} kết quả').replace('{n}', String(shown.length));
            setActive(0);
        }

        function close() {
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
            active = -1;
        }

        function pick(option) {
            if (!multiple) { options.forEach(function (o) { o.selected = false; }); }
            option.selected = true;
            input.value = '';
            changed();
            if (multiple) { search(); } else { close(); }
        }

        input.addEventListener('input', search);
        input.addEventListener('focus', search);
        input.addEventListener('blur', function () { window.setTimeout(close, 120); });
        input.addEventListener('keydown', function (event) {
            switch (event.key) {
                case 'ArrowDown':
                    event.preventDefault();
                    if (list.hidden) { search(); } else { setActive(active + 1); }
                    break;
                case 'ArrowUp':
                    event.preventDefault();
                    setActive(active - 1);
                    break;
                case 'Enter':
                    // Never submit the form from the search box; pick the highlighted result instead.
                    event.preventDefault();
                    if (!list.hidden && active >= 0 && shown[active]) { pick(shown[active]); }
                    break;
                case 'Escape':
                    if (!list.hidden) { event.preventDefault(); close(); }
                    break;
                case 'Backspace':
                    if (input.value === '') {
                        var chosen = options.filter(function (o) { return o.selected; });
                        if (chosen.length) { chosen[chosen.length - 1].selected = false; changed(); }
                    }
                    break;
            }
        });

        renderChips();
    }

    function enhanceAll(root) {
        Array.prototype.forEach.call((root || document).querySelectorAll('select[data-unit-picker]'), enhance);
    }

    enhanceAll(document);
    document.addEventListener('htmx:afterSettle', function (event) { enhanceAll(event.target); });
})();
