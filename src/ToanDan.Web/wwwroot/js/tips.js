// Tips form, progressive enhancement only: the form works the same without this file.
// Hides the identity fields while "anonymous" is chosen, and the commune picker when "không nhớ địa điểm" is ticked.
(function () {
    'use strict';
    var identity = document.getElementById('identity-fields');
    var choices = document.querySelectorAll('[data-identity-choice]');
    function syncIdentity() {
        if (!identity) { return; }
        var named = false;
        choices.forEach(function (c) { if (c.checked && c.value === 'named') { named = true; } });
        identity.hidden = !named;
        identity.querySelectorAll('input').forEach(function (i) { i.disabled = !named; });
    }
    choices.forEach(function (c) { c.addEventListener('change', syncIdentity); });
    syncIdentity();

    var unknown = document.querySelector('[data-place-unknown]');
    var picker = document.getElementById('Input_UnitCode');
    function syncPlace() {
        if (!unknown || !picker) { return; }
        picker.disabled = unknown.checked;
    }
    if (unknown) { unknown.addEventListener('change', syncPlace); }
    syncPlace();
})();
