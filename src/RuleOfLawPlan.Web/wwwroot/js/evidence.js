// 佐证材料: a file input marked data-max-file-bytes says at once, before anything is sent, which chosen files the server
// would refuse for their size, and keeps the form from being sent with them (the server checks again). The messages come
// from the page, in the page's language; "{0}" in them is the file's name.
document.querySelectorAll('input[type=file][data-max-file-bytes]').forEach(function (input) {
    var maxFile = Number(input.dataset.maxFileBytes);
    var maxTotal = Number(input.dataset.maxTotalBytes);
    var list = document.getElementById(input.dataset.problems);

    function problems() {
        var found = [];
        var total = 0;
        Array.prototype.forEach.call(input.files, function (file) {
            total += file.size;
            if (file.size === 0) found.push(input.dataset.empty.replace('{0}', file.name));
            else if (file.size > maxFile) found.push(input.dataset.tooLarge.replace('{0}', file.name));
        });
        if (total > maxTotal) found.push(input.dataset.totalTooLarge);
        return found;
    }

    function show(found) {
        list.replaceChildren.apply(list, found.map(function (text) {
            var item = document.createElement('li');
            item.textContent = text;
            return item;
        }));
        list.hidden = found.length === 0;
    }

    input.addEventListener('change', function () { show(problems()); });
    input.form.addEventListener('submit', function (event) {
        var found = problems();
        show(found);
        if (found.length > 0) {
            event.preventDefault();
            input.focus();
        }
    });
});
