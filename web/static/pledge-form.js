// Progressive enhancement of the pledge form on the project page, which ships no framework
// JavaScript: shows the amount in som as the donor types, and swaps the preset amounts when the
// currency changes. Everything here is optional; the form posts and is checked on the server.
(function () {
  'use strict';
  var form = document.querySelector('form[data-pledge-form]');
  if (!form) return;
  var rates = JSON.parse(form.getAttribute('data-rates') || '{}');
  var presets = JSON.parse(form.getAttribute('data-presets') || '{}');
  var pattern = form.getAttribute('data-kgs-pattern') || '0';
  var template = form.getAttribute('data-estimate') || '{amount}';
  var number = new Intl.NumberFormat(form.getAttribute('data-intl-locale') || undefined, {
    maximumFractionDigits: 0,
  });
  var currency = form.querySelector('select[name="currency"]');
  var amount = form.querySelector('input[name="amount"]');
  var output = form.querySelector('[data-estimate-output]');
  var labels = form.querySelectorAll('[data-preset]');
  if (!currency || !amount || !output) return;

  function radios() {
    return form.querySelectorAll('input[name="preset"]');
  }

  // The typed amount wins over a preset, as on the server.
  function major() {
    var typed = amount.value.replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');
    if (typed !== '') return /^\d+(\.\d{1,2})?$/.test(typed) ? Number(typed) : NaN;
    var checked = form.querySelector('input[name="preset"]:checked');
    return checked ? Number(checked.value.split(':')[1]) : NaN;
  }

  function estimate() {
    var rate = Number(rates[currency.value]);
    var value = major();
    var text = '';
    if (currency.value !== 'KGS' && value > 0 && rate > 0) {
      text = template.replace('{amount}', pattern.replace('0', number.format(value * rate)));
    }
    if (output.textContent !== text) output.textContent = text;
  }

  function showPresets() {
    var options = presets[currency.value] || [];
    for (var i = 0; i < labels.length; i++) {
      var option = options[i];
      var label = labels[i];
      label.hidden = !option;
      if (!option) continue;
      label.querySelector('input').value = option.value;
      label.querySelector('span').textContent = option.label;
    }
  }

  currency.addEventListener('change', function () {
    showPresets();
    estimate();
  });
  amount.addEventListener('input', function () {
    if (amount.value.trim() !== '') {
      var all = radios();
      for (var i = 0; i < all.length; i++) all[i].checked = false;
    }
    estimate();
  });
  for (var i = 0; i < labels.length; i++) {
    labels[i].querySelector('input').addEventListener('change', function () {
      amount.value = '';
      estimate();
    });
  }
  // The browser may have restored a currency other than the one the server drew presets for.
  showPresets();
  estimate();
})();
