export const id = 885;
export const ids = [885];
export const modules = {

/***/ 7885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listKnownIssues: () => (/* binding */ listKnownIssues)
/* harmony export */ });
/* harmony import */ var _plan_issue_marker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7895);
/* harmony import */ var _plan_issue_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3504);


/**
 * The issues that track action items: every issue with our label, open or closed, whose body
 * holds a valid marker. Listing by label (not the search API, which lags behind and has its
 * own rate limit) sees an issue the moment it is created, so re-runs never duplicate it.
 */
async function listKnownIssues(client, repository, label) {
    const issues = await client.paginate(client.rest.issues.listForRepo, { ...repository, labels: label, state: 'all', per_page: 100 });
    const known = [];
    for (const issue of issues) {
        if (issue.pull_request)
            continue;
        const identity = (0,_plan_issue_marker_js__WEBPACK_IMPORTED_MODULE_0__/* .readIssueMarker */ .q)(issue.body);
        if (!identity)
            continue;
        known.push({
            number: issue.number,
            url: issue.html_url,
            title: issue.title,
            state: issue.state === 'closed' ? 'closed' : 'open',
            stateReason: issue.state_reason ?? null,
            identity,
            createdAt: issue.created_at.slice(0, 10),
            source: (0,_plan_issue_text_js__WEBPACK_IMPORTED_MODULE_1__/* .readSourceLink */ .Cc)(issue.body),
        });
    }
    return known;
}


/***/ })

};
