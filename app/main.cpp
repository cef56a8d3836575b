#include "app/cli.hpp"

int main(int argc, char** argv) { return mirhit::app::main(argc, argv); }
