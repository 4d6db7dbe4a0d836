export const id = 304;
export const ids = [304];
export const modules = {

/***/ 7304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listAgendaEntries: () => (/* binding */ listAgendaEntries),
/* harmony export */   openItemsOfSeries: () => (/* binding */ openItemsOfSeries)
/* harmony export */ });
/** The open issues and pull requests carrying the agenda label, oldest first (the issues listing holds both). */
async function listAgendaEntries(client, repository, label) {
    const issues = await client.paginate(client.rest.issues.listForRepo, { ...repository, labels: label, state: 'open', sort: 'created', direction: 'asc', per_page: 100 });
    return issues.map((issue) => ({ number: issue.number, title: issue.title, url: issue.html_url }));
}
/**
 * The open items of a series as its action-item issues say (the listing the plan uses): an
 * issue closed by hand is not carried over. Oldest issue first.
 */
function openItemsOfSeries(known, series) {
    return known
        .filter((issue) => issue.state === 'open' && issue.identity.series === series)
        .sort((a, b) => a.number - b.number)
        .map((issue) => ({ owners: issue.identity.owners, text: issue.identity.text, issue: issue.number }));
}


/***/ })

};
