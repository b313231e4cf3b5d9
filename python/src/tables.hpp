// The table builder's binding (tables.cpp), registered by the module (module.cpp).
#pragma once

#include <pybind11/pybind11.h>

void bind_tables(pybind11::module_& m);
