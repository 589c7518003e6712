/*
 * ChiSo charts: renders every element with [data-chart] using Apache ECharts (canvas renderer).
 *
 * Markup (no inline script, so it works under a strict Content-Security-Policy):
 *   <div data-chart="radar|trend|bar|map"
 *        data-chart-data="id-of-json-block"
 *        data-chart-label="Text alternative read by screen readers"
 *        data-chart-link="/provinces/{code}"   (map only, optional)
 *        class="chiso-chart"></div>
 *   <script type="application/json" id="id-of-json-block">{ ... }</script>
 *
 * Charts are (re)scanned on DOMContentLoaded and after every htmx swap (htmx:afterSettle).
 * ECharts itself is loaded lazily, only when a page has a chart: it is 1 MB.
 */
(function () {
    'use strict';

    var LOCALE = 'vi-VN';
    var numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
    var integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
    // Colour-blind-safe palette (Okabe–Ito based), dark enough for 3:1 against white.
    // site.css has matching .chiso-tt-c0 … .chiso-tt-c6 classes for tooltip markers: keep them in step.
    var PALETTE = ['#0b5394', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#555555'];
    var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
    // The page's language (set by the English switch on <html lang>); data stays in Vietnamese number format.
    var EN = (document.documentElement.lang || 'vi').toLowerCase().indexOf('en') === 0;
    function t(vi, en) { return EN ? en : vi; }
    var NO_DATA = t('Không có dữ liệu', 'No data');

    var thisScript = document.currentScript;
    var echartsPromise = null;
    var geoJsonPromises = {};
    var liveCharts = [];

    function formatNumber(value) {
        if (value === null || value === undefined || value === '' || isNaN(value)) {
            return NO_DATA;
        }
        return numberFormat.format(Number(value));
    }

    function loadEcharts() {
        if (window.echarts) {
            return Promise.resolve(window.echarts);
        }
        if (!echartsPromise) {
            echartsPromise = new Promise(function (resolve, reject) {
                var src = thisScript && thisScript.getAttribute('data-echarts-src');
                if (!src) {
                    reject(new Error('charts.js: no data-echarts-src on its <script> tag and window.echarts is not loaded'));
                    return;
                }
                var script = document.createElement('script');
                script.src = src;
                script.onload = function () { resolve(window.echarts); };
                script.onerror = function () { reject(new Error('charts.js: could not load ' + src)); };
                document.head.appendChild(script);
            });
        }
        return echartsPromise;
    }

    function readData(container) {
        var id = container.getAttribute('data-chart-data');
        var block = id ? document.getElementById(id) : null;
        if (!block) {
            throw new Error('charts.js: JSON block "' + id + '" not found');
        }
        return JSON.parse(block.textContent);
    }

    function baseOption() {
        return {
            color: PALETTE,
            textStyle: { fontFamily: FONT },
            animationDuration: 400,
            tooltip: { confine: true, formatter: axisTooltip },
            legend: { bottom: 0, type: 'scroll' }
        };
    }

    // Axis tooltip built from classes, not ECharts' default HTML: that one carries style="" attributes,
    // which a Content-Security-Policy without 'unsafe-inline' for styles blocks.
    function axisTooltip(params) {
        var list = Array.isArray(params) ? params : [params];
        if (!list.length) { return ''; }
        var html = '<div class="chiso-tt-title">' + escapeHtml(list[0].axisValueLabel || list[0].name || '') + '</div>';
        list.forEach(function (p) {
            html += '<div class="chiso-tt-row"><span class="chiso-tt-marker chiso-tt-c' + (p.seriesIndex % PALETTE.length) +
                '" aria-hidden="true"></span><span class="chiso-tt-name">' + escapeHtml(p.seriesName) +
                '</span><b class="chiso-tt-value">' + formatNumber(p.value) + '</b></div>';
        });
        return html;
    }

    function values(series) {
        return (series.values || []).map(function (v) { return v === null || v === undefined ? null : Number(v); });
    }

    // --- radar: a province against a reference (e.g. national average), one axis per dimension.
    function radarOption(data, container) {
        var indicators = data.indicators || [];
        var narrow = container.clientWidth < 560;
        var option = baseOption();
        option.tooltip = {
            trigger: 'item',
            confine: true,
            formatter: function (p) {
                var lines = [escapeHtml(p.name)];
                (p.value || []).forEach(function (v, i) {
                    var ind = indicators[i] || {};
                    lines.push(escapeHtml(ind.name || '') + ': <b>' + formatNumber(v) + '</b>' +
                        (ind.max ? ' / ' + formatNumber(ind.max) : ''));
                });
                return lines.join('<br>');
            }
        };
        option.radar = {
            indicator: indicators.map(function (i) { return { name: i.name, max: i.max }; }),
            // Dimension names are long: on a phone, shrink the web and wrap names into narrow lines.
            radius: narrow ? '52%' : '62%',
            center: ['50%', '46%'],
            axisName: {
                color: '#212529',
                fontSize: narrow ? 10 : 12,
                lineHeight: narrow ? 13 : 16,
                formatter: function (name) { return wrapWords(name, narrow ? 12 : 22); }
            },
            axisLabel: { show: false }
        };
        option.series = [{
            type: 'radar',
            symbolSize: 5,
            areaStyle: { opacity: 0.12 },
            data: (data.series || []).map(function (s) { return { name: s.name, value: values(s) }; })
        }];
        return option;
    }

    // --- trend: total score (left axis) and rank (right axis, inverted so rank 1 is at the top).
    function trendOption(data) {
        var series = data.series || [];
        var axes = [0, 1].map(function (index) {
            var onAxis = series.filter(function (s) { return (s.yAxis || 0) === index; });
            var isRank = onAxis.some(function (s) { return s.inverse === true; });
            return {
                type: 'value',
                name: onAxis.length ? onAxis[0].name : '',
                // On an inverted axis "end" is the bottom: keep both axis names above the plot.
                nameLocation: isRank ? 'start' : 'end',
                position: index === 0 ? 'left' : 'right',
                inverse: isRank,
                min: isRank ? 1 : undefined,
                minInterval: isRank ? 1 : undefined,
                scale: !isRank,
                show: onAxis.length > 0,
                nameTextStyle: { color: '#212529' },
                axisLabel: { formatter: function (v) { return isRank ? integerFormat.format(v) : numberFormat.format(v); } },
                splitLine: { show: index === 0 }
            };
        });
        var option = baseOption();
        option.tooltip = { trigger: 'axis', confine: true, formatter: axisTooltip };
        option.grid = { left: 16, right: 16, top: 48, bottom: 48 };
        option.xAxis = { type: 'category', boundaryGap: false, data: (data.years || []).map(String) };
        option.yAxis = axes;
        option.series = series.map(function (s) {
            return {
                type: 'line',
                name: s.name,
                yAxisIndex: s.yAxis || 0,
                data: values(s),
                symbolSize: 7,
                connectNulls: false,
                lineStyle: { width: 2.5, type: s.inverse ? 'dashed' : 'solid' }
            };
        });
        return option;
    }

    // --- bar: horizontal bars, one category per criterion, e.g. points lost and gap to the best province.
    function barLabelWidth(container) {
        return Math.max(90, Math.min(260, container.clientWidth * 0.38));
    }

    function barOption(data, container) {
        // Criterion names are long: wrap them, and give each category enough height for two lines.
        // (Setting style through the CSSOM is allowed by CSP; only style attributes in markup are not.)
        var categories = data.categories || [];
        var needed = categories.length * 46 + 72;
        if (container.clientHeight < needed) {
            container.style.height = needed + 'px';
        }
        var labelWidth = barLabelWidth(container);
        var option = baseOption();
        option.tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, formatter: axisTooltip };
        option.grid = { left: 8, right: 24, top: 16, bottom: 48 };
        option.xAxis = { type: 'value', axisLabel: { formatter: function (v) { return numberFormat.format(v); } } };
        option.yAxis = {
            type: 'category',
            inverse: true, // first category at the top, as in the source table
            data: categories,
            axisLabel: { width: labelWidth, overflow: 'break', lineHeight: 14, color: '#212529' },
            axisTick: { show: false }
        };
        option.series = (data.series || []).map(function (s) {
            return { type: 'bar', name: s.name, data: values(s), barMaxWidth: 18 };
        });
        return option;
    }

    function loadGeoJson(url) {
        if (!geoJsonPromises[url]) {
            geoJsonPromises[url] = fetch(url, { credentials: 'same-origin' }).then(function (response) {
                if (!response.ok) {
                    throw new Error('charts.js: ' + url + ' returned ' + response.status);
                }
                return response.json();
            });
        }
        return geoJsonPromises[url];
    }

    // --- map: choropleth of provinces. Regions are keyed by a stable code (not the name, which has
    // spelling variants such as "Thanh Hoá"/"Thanh Hóa"), so the data items use the code as "name".
    function mapOption(data, echarts, geoJson) {
        var nameProperty = data.nameProperty || 'code';
        var mapName = 'chiso:' + (data.geoJsonUrl || '') + ':' + nameProperty;
        if (!echarts.getMap(mapName)) {
            echarts.registerMap(mapName, geoJson);
        }
        // Display names of regions that have no value, for the tooltip.
        var regionNames = {};
        (geoJson.features || []).forEach(function (f) {
            var p = f.properties || {};
            regionNames[String(p[nameProperty])] = p.name || p[nameProperty];
        });
        var unit = data.unitLabel ? ' ' + data.unitLabel : '';
        var items = (data.values || []).map(function (v) {
            return {
                name: String(v.code),
                value: v.value === null || v.value === undefined ? NaN : Number(v.value),
                displayName: v.name || regionNames[String(v.code)] || String(v.code),
                group: v.group
            };
        });
        var numbers = items.map(function (i) { return i.value; }).filter(function (v) { return !isNaN(v); });
        var min = numbers.length ? Math.min.apply(null, numbers) : 0;
        var max = numbers.length ? Math.max.apply(null, numbers) : 1;
        if (min === max) { max = min + 1; }

        var option = baseOption();
        option.tooltip = {
            trigger: 'item',
            confine: true,
            formatter: function (p) {
                var item = p.data;
                var name = item ? item.displayName : (regionNames[p.name] || p.name);
                var text = '<b>' + escapeHtml(name) + '</b><br>' +
                    (item && !isNaN(item.value) ? formatNumber(item.value) + escapeHtml(unit) : NO_DATA);
                if (item && item.group !== undefined && item.group !== null) {
                    text += '<br>' + t('Nhóm ', 'Group ') + escapeHtml(String(item.group));
                }
                return text;
            }
        };
        option.visualMap = {
            type: 'continuous',
            min: min,
            max: max,
            left: 8,
            bottom: 8,
            calculable: false,
            itemHeight: 120,
            text: [t('Cao', 'High'), t('Thấp', 'Low')],
            formatter: function (v) { return numberFormat.format(v); },
            inRange: { color: ['#f1f6fb', '#9ecae1', '#4292c6', '#08306b'] },
            outOfRange: { color: '#e9ecef' }
        };
        option.legend = undefined;
        option.series = [{
            type: 'map',
            map: mapName,
            nameProperty: nameProperty,
            roam: false,
            layoutCenter: ['50%', '50%'],
            layoutSize: '96%',
            aspectScale: 0.95,
            selectedMode: false,
            label: { show: false },
            itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: '#e9ecef' },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffbf47', borderColor: '#212529', borderWidth: 1 } },
            data: items
        }];
        return option;
    }

    // Radar names do not wrap by themselves: break at spaces into lines of about maxChars characters.
    function wrapWords(text, maxChars) {
        var lines = [];
        var line = '';
        String(text).split(' ').forEach(function (word) {
            if (line && (line + ' ' + word).length > maxChars) {
                lines.push(line);
                line = word;
            } else {
                line = line ? line + ' ' + word : word;
            }
        });
        if (line) { lines.push(line); }
        return lines.join('\n');
    }

    function escapeHtml(text) {
        return String(text).replace(/[&<>"']/g, function (c) {
            return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
        });
    }

    function showError(container, error) {
        container.classList.add('chiso-chart--error');
        container.textContent = t('Không thể hiển thị biểu đồ.', 'The chart could not be displayed.');
        if (window.console) { console.error(error); }
    }

    function describe(container) {
        // The canvas is opaque to assistive technology: expose the page's text alternative instead.
        container.setAttribute('role', 'img');
        var label = container.getAttribute('data-chart-label');
        if (label) {
            container.setAttribute('aria-label', label);
        }
    }

    // Dark tooltip text (ECharts' default grey is lighter than the page's body text).
    function finish(option) {
        if (option.tooltip) {
            option.tooltip.textStyle = { color: '#212529' };
        }
        return option;
    }

    function render(container, echarts) {
        var kind = container.getAttribute('data-chart');
        var data = readData(container);
        var chart = echarts.init(container, null, { renderer: 'canvas', locale: 'EN' });
        liveCharts.push(chart);
        describe(container);
        if (window.ResizeObserver) {
            new ResizeObserver(function () {
                if (chart.isDisposed() || !hasSize(container)) { return; }
                chart.resize();
                // Label widths depend on the container's width: recompute (setOption merges).
                if (kind === 'radar') {
                    chart.setOption(finish(radarOption(data, container)));
                } else if (kind === 'bar') {
                    chart.setOption({ yAxis: { axisLabel: { width: barLabelWidth(container) } } });
                }
            }).observe(container);
        }

        if (kind === 'radar') {
            chart.setOption(finish(radarOption(data, container)));
        } else if (kind === 'trend') {
            chart.setOption(finish(trendOption(data)));
        } else if (kind === 'bar') {
            chart.setOption(finish(barOption(data, container)));
        } else if (kind === 'map') {
            chart.showLoading({ text: t('Đang tải bản đồ…', 'Loading the map…'), color: PALETTE[0] });
            return loadGeoJson(data.geoJsonUrl).then(function (geoJson) {
                chart.hideLoading();
                chart.setOption(finish(mapOption(data, echarts, geoJson)));
                var link = container.getAttribute('data-chart-link');
                if (link) {
                    chart.on('click', function (p) {
                        if (p.name) {
                            window.location.href = link.replace('{code}', encodeURIComponent(p.name));
                        }
                    });
                }
            });
        } else {
            throw new Error('charts.js: unknown chart kind "' + kind + '"');
        }
        return Promise.resolve();
    }

    // A chart in a hidden tab or collapsed panel has no size; ECharts' map cannot lay out at 0×0
    // (non-invertible transform), so wait until it is visible again (the ResizeObserver fires then).
    function hasSize(el) {
        return el.clientWidth > 0 && el.clientHeight > 0;
    }

    function pruneDetached() {
        // htmx may swap a chart out; dispose its instance so it does not leak or keep resizing.
        liveCharts = liveCharts.filter(function (chart) {
            if (chart.isDisposed()) { return false; }
            if (!chart.getDom().isConnected) { chart.dispose(); return false; }
            return true;
        });
    }

    // Hidden (e.g. in an inactive tab): render when it first gets a size.
    function waitUntilVisible(el) {
        if (el.hasAttribute('data-chart-waiting')) { return; }
        el.setAttribute('data-chart-waiting', '');
        var observer = new ResizeObserver(function () {
            if (hasSize(el)) {
                observer.disconnect();
                el.removeAttribute('data-chart-waiting');
                renderAll();
            }
        });
        observer.observe(el);
    }

    function renderAll() {
        pruneDetached();
        var pending = Array.prototype.filter.call(document.querySelectorAll('[data-chart]'), function (el) {
            if (el.hasAttribute('data-chart-ready')) { return false; }
            if (hasSize(el) || !window.ResizeObserver) { return true; }
            waitUntilVisible(el);
            return false;
        });
        if (!pending.length) { return; }
        pending.forEach(function (el) { el.setAttribute('data-chart-ready', ''); describe(el); });
        loadEcharts().then(function (echarts) {
            pending.forEach(function (el) {
                try {
                    render(el, echarts).catch(function (e) { showError(el, e); });
                } catch (e) {
                    showError(el, e);
                }
            });
        }, function (e) {
            pending.forEach(function (el) { showError(el, e); });
        });
    }

    // Fallback for browsers without ResizeObserver.
    var resizeTimer = null;
    window.addEventListener('resize', function () {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(function () {
            pruneDetached();
            liveCharts.forEach(function (chart) {
                if (hasSize(chart.getDom())) { chart.resize(); }
            });
        }, 150);
    });

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', renderAll);
    } else {
        renderAll();
    }
    document.addEventListener('htmx:afterSettle', renderAll);

    // For pages that build charts themselves and for tests.
    window.ChiSoCharts = { renderAll: renderAll, formatNumber: formatNumber };
})();
