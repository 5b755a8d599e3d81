#!/bin/sh
# The data-driven tests of the expression language: every t/expr/*.test
# file through t/expr/run-tests, which prints TAP.
: "${top_srcdir:?run the tests with make check}"
: "${top_builddir:?run the tests with make check}"
exec "$top_builddir/t/expr/run-tests" "$top_srcdir"/t/expr/*.test
